namespace MyPage.Metrics;

// 観測する値を、読みに来るたびには求めない（Prometheus の読み取りごとに問い合わせない）: 前に求めてから every が過ぎていれば、
// 裏で一度だけ（重ねずに）求め直し、読みに来た側はそれまで覚えている値を返す。
// refresh が true を返したとき（求められたとき）だけ、次は every の後。false なら、次に読みに来たときにまた試す
internal sealed class BackgroundRefresh(TimeProvider time, TimeSpan every, Func<Task<bool>> refresh)
{
    private DateTimeOffset doneAt = DateTimeOffset.MinValue;
    private int running;

    public void WhenDue()
    {
        if (time.GetUtcNow() - doneAt >= every && Interlocked.Exchange(ref running, 1) == 0)
            _ = Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        try
        {
            if (await refresh()) doneAt = time.GetUtcNow();
        }
        finally
        {
            Volatile.Write(ref running, 0);
        }
    }
}
