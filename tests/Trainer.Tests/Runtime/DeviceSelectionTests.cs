using Sweep.Trainer.Runtime;

namespace Sweep.Trainer.Tests.Runtime;

public sealed class DeviceSelectionTests
{
    [Theory]
    [InlineData("auto", false, 0, "cpu")]
    [InlineData("auto", true, 2, "cuda:0")]
    [InlineData("cpu", true, 2, "cpu")]
    [InlineData("CUDA", true, 1, "cuda:0")]
    [InlineData("cuda:1", true, 2, "cuda:1")]
    public void ResolvesRequests(string requested, bool available, int count, string expected) =>
        Assert.Equal(expected, TorchRuntime.SelectDevice(requested, available, count));

    [Theory]
    [InlineData("cuda", false, 0)]
    [InlineData("cuda:2", true, 2)]
    public void RefusesDevicesThatAreNotVisible(string requested, bool available, int count) =>
        Assert.Throws<InvalidOperationException>(() => TorchRuntime.SelectDevice(requested, available, count));

    [Theory]
    [InlineData("gpu")]
    [InlineData("cuda:x")]
    public void RejectsUnknownDeviceNames(string requested) =>
        Assert.Throws<ArgumentException>(() => TorchRuntime.SelectDevice(requested, true, 1));
}
