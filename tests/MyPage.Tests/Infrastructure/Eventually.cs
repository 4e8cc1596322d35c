namespace MyPage.Tests.Infrastructure;

// 非同期に起きることは一度だけ確かめず、起きるまで待つ（時間切れは失敗）
public static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{what} になりませんでした（最後の値: {value}）");
            await Task.Delay(25);
        }
    }

    public static Task TrueAsync(Func<bool> condition, string what, TimeSpan? timeout = null)
        => ValueAsync(() => Task.FromResult(condition()), ok => ok, what, timeout);
}
