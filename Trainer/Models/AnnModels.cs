using Sweep.Trainer.Config;
using static TorchSharp.torch;

namespace Sweep.Trainer.Models;

/// <summary>The ANN a <c>model</c> value names: what <c>method: ann</c> trains and <c>ckd.teacher</c> is read into.</summary>
public static class AnnModels
{
    public static nn.Module<Tensor, Tensor> Create(ModelKind kind, int classes, int frameSize) => kind switch
    {
        ModelKind.AnnResnet18 => AnnResNet18.Create(classes, frameSize),
        ModelKind.AnnCnn => AnnCnn.Create(classes),
        _ => throw new ArgumentException($"model: '{kind}' is not an ANN (ann-resnet18 or ann-cnn)", nameof(kind)),
    };

    public static bool IsAnn(string model) => model.StartsWith("ann-", StringComparison.Ordinal);
}
