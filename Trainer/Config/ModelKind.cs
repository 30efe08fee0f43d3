namespace Sweep.Trainer.Config;

/// <summary>The <c>model</c> key; <c>ann-resnet18</c> is <see cref="AnnResnet18"/>, <c>ann-cnn</c> <see cref="AnnCnn"/>.</summary>
public enum ModelKind
{
    Vggsnn,
    Resnet18,
    Scnn,
    AnnResnet18,
    AnnCnn,
}
