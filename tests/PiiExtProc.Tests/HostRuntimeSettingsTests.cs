using System.Text.Json;

namespace PiiExtProc.Tests;

/// <summary>
/// The runtime settings the host ships in PiiExtProc.runtimeconfig.json (tests/PiiExtProc.Benchmarks/README.md, section 4):
/// every way of starting it (`dotnet run`, the published binary, the container image) reads them from that file.
/// </summary>
public sealed class HostRuntimeSettingsTests
{
    private static readonly Lazy<JsonElement> s_configProperties = new(ReadConfigProperties);

    [Fact]
    public void CallCountingDelay_IsZero_SoHotCodeReachesTier1UnderSteadyLoad()
    {
        // With the runtime's 100 ms default, a loaded machine may never give the pause in tier-0 JIT activity that
        // starts call counting, and the scanner then runs its unoptimized code (4x slower in the benchmarks).
        var delay = s_configProperties.Value.GetProperty("System.Runtime.TieredCompilation.CallCountingDelayMs");

        Assert.Equal("0", delay.ToString());
    }

    [Theory]
    [InlineData("System.GC.Server")]
    [InlineData("System.GC.Concurrent")]
    [InlineData("System.Runtime.TieredPGO")]
    public void ThroughputSettings_AreOn(string name)
    {
        Assert.True(s_configProperties.Value.GetProperty(name).GetBoolean(), name);
    }

    private static JsonElement ReadConfigProperties()
    {
        // The test project references the host, so the build copies the host's runtimeconfig.json beside its assembly.
        var path = Path.Combine(AppContext.BaseDirectory, "PiiExtProc.runtimeconfig.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties").Clone();
    }
}
