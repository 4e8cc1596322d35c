namespace MyPage.Account;

// Argon2id の計算は一回ごとに 19 MiB（MyPage:Passwords の MemoryKiB）を持つ。同時に計算するのはコアの数までにして、
// 残りは列で待たせる: ログインが押し寄せても、待ちは応答の時間に出て、メモリには出ない（計算の数だけメモリが増えない）。
// 列は非同期に待つ（スレッドを塞がない: ほかの画面の要求は待たずに動く）。待ちは取り消さない: 照合の前にロックの回数を
// 予約しているので、途中で止めると、照合しなかった試みが失敗として残る
internal sealed class PasswordHashingGate(AccountMetrics metrics) : IDisposable
{
    private readonly SemaphoreSlim slots = new(Environment.ProcessorCount);

    public async Task<T> RunAsync<T>(Func<T> hashing)
    {
        await slots.WaitAsync(CancellationToken.None);
        metrics.HashStarted();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            return hashing();
        }
        finally
        {
            metrics.HashFinished(System.Diagnostics.Stopwatch.GetElapsedTime(started));
            slots.Release();
        }
    }

    public void Dispose() => slots.Dispose();
}
