using Sweep.Trainer.Snn;
using Sweep.Trainer.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Sweep.Trainer.Tests.Runtime;

/// <summary>Loads the real libtorch natives and runs a forward and backward pass.</summary>
public sealed class TorchSmokeTests
{
    [Fact]
    public void MatmulAndBackwardGiveTheExpectedValues()
    {
        TorchRuntime.Initialize();
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 }, requires_grad: true);
        var b = tensor(new float[] { 5, 6, 7, 8 }, new long[] { 2, 2 });
        var product = a.matmul(b);
        Assert.Equal(new float[] { 19, 22, 43, 50 }, product.data<float>().ToArray());

        // d/da sum((a @ b)^2) = 2 (a @ b) b^T
        product.Pow(2).sum().backward();
        Assert.Equal(new float[] { 2 * (19 * 5 + 22 * 6), 2 * (19 * 7 + 22 * 8), 2 * (43 * 5 + 50 * 6), 2 * (43 * 7 + 50 * 8) },
            a.grad!.data<float>().ToArray());
    }

    [Fact]
    public void InitializeReportsPassiveOmpCpuAndVersions()
    {
        var info = TorchRuntime.Initialize(new TorchRuntimeOptions(Threads: 1));
        Assert.Equal("PASSIVE", info.OmpWaitPolicy, ignoreCase: true);
        Assert.Equal(1, info.Threads);
        Assert.Equal(1, torch.get_num_threads());
        Assert.Equal("cpu", info.Device);
        Assert.StartsWith("2.10.0", info.LibTorchVersion);
        Assert.StartsWith("0.107.0", info.TorchSharpVersion);
        Assert.Equal("cpu", info.Backend);
        Assert.True(File.Exists(Path.Combine(info.NativeDirectory, "libLibTorchSharp.so")));
    }
}
