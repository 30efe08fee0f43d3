using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sweep.Trainer.Methods;

/// <summary>AdamW as timm builds it for KT: no weight decay on biases and other 1-D parameters (BN, η, thresholds).</summary>
public static class Optimizers
{
    public static OptimizerHelper AdamW(nn.Module module, double lr, double weightDecay)
    {
        var trainable = module.parameters().Where(p => p.requires_grad).ToList();
        var decay = trainable.Where(p => p.dim() > 1).ToList();
        var flat = trainable.Where(p => p.dim() <= 1).ToList();
        return optim.AdamW(
            [new AdamW.ParamGroup(decay, lr: lr, weight_decay: weightDecay),
             new AdamW.ParamGroup(flat, lr: lr, weight_decay: 0.0)],
            lr: lr);
    }

    public static void SetLearningRate(OptimizerHelper optimizer, double lr)
    {
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
    }
}
