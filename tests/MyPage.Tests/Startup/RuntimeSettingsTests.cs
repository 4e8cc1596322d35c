using System.Text.Json;

namespace MyPage.Tests.Startup;

// 実行時の設定: ワークステーションの GC（2 コアで、サーバーの GC は同じ処理量で約 50 MB 多かった）
public class RuntimeSettingsTests
{
    [Fact]
    public void Runs_with_the_workstation_garbage_collector()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "MyPage.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.False(properties.GetProperty("System.GC.Server").GetBoolean());
    }
}
