using Sweep.Trainer.Runtime;
using static TorchSharp.torch;

namespace Sweep.Trainer.Tests.Runtime;

public sealed class CudaTests
{
    [CudaFact]
    public void MatmulOnTheSelectedDeviceMatchesTheCpu()
    {
        var info = TorchRuntime.Initialize();
        Assert.StartsWith("cuda:", info.Device);
        using var scope = NewDisposeScope();
        var a = rand(64, 32, generator: new Generator(7));
        var b = rand(32, 16, generator: new Generator(8));
        var onDevice = a.to(info.Device).matmul(b.to(info.Device)).cpu();
        Assert.True(onDevice.allclose(a.matmul(b), rtol: 1e-4, atol: 1e-4));
    }
}
