using Microsoft.Extensions.Time.Testing;
using MyPage.Abuse;

namespace MyPage.Tests.Abuse;

// 確認が要る接続元の覚え書き: 時刻が過ぎれば忘れ、多くの接続元に攻められても Capacity より大きくならない
public class CheckedClientsTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Forgets_a_client_when_its_check_is_no_longer_required()
    {
        var known = new CheckedClients(time);
        known.Remember("a", time.GetUtcNow().AddMinutes(10));
        Assert.Equal(time.GetUtcNow().AddMinutes(10), known.RequiredUntil("a"));
        Assert.Null(known.RequiredUntil("b"));
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Null(known.RequiredUntil("a"));
        Assert.Equal(0, known.Count);
    }

    [Fact]
    public void Never_grows_past_its_capacity_and_makes_room_by_forgetting_expired_clients()
    {
        var known = new CheckedClients(time);
        for (var i = 0; i < CheckedClients.Capacity; i++) known.Remember($"old{i}", time.GetUtcNow().AddMinutes(1 + (i % 2)));
        known.Remember("one-too-many", time.GetUtcNow().AddMinutes(10));
        Assert.Equal(CheckedClients.Capacity, known.Count);
        Assert.Null(known.RequiredUntil("one-too-many"));

        // 半分の時刻が過ぎた: その分を捨てて、新しい接続元を覚える
        time.Advance(TimeSpan.FromMinutes(1));
        known.Remember("new", time.GetUtcNow().AddMinutes(10));
        Assert.NotNull(known.RequiredUntil("new"));
        Assert.Equal(CheckedClients.Capacity / 2 + 1, known.Count);
    }
}
