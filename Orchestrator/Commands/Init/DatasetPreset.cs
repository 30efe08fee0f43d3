using System.Collections.Immutable;

namespace Sweep.Orchestrator.Commands.Init;

/// <summary>
/// What <c>sweep init</c> fixes per dataset: the papers' setting (backbone, T, frame size, batch, epochs) and the
/// ranges that depend on it (lr around the papers' scaled 5e-3·B/1024, T around the paper's).
/// </summary>
internal sealed record DatasetPreset(
    string Kind,
    string Setting,
    string Dataset,
    string Model,
    int Epochs,
    int BatchSize,
    SearchKnob Lr,
    SearchKnob TimeSteps,
    bool PaperThreshold,
    int MaxTrials,
    int ParallelTrials,
    int MinResource)
{
    public static readonly ImmutableArray<DatasetPreset> All =
    [
        new("ncaltech101", "paper setting: VGGSNN, T=10, 48x48 frames, batch 120, 300 epochs",
            "{ kind: ncaltech101, root: /data/N-Caltech101, rgbRoot: /data/Caltech101, frameSize: 48 }   # edit: where the data lives",
            "vggsnn", 300, 120,
            new("lr", "{ type: float, low: 3.0e-4, high: 1.0e-2, log: true }", "5.86e-4", "AdamW peak lr; the papers' 5e-3·120/1024"),
            new("timeSteps", "{ type: int, low: 6, high: 14, step: 2 }", "10", "T"),
            PaperThreshold: true, MaxTrials: 48, ParallelTrials: 4, MinResource: 30),
        new("cepdvs", "paper setting: spiking ResNet-18, T=6, 48x48 frames, batch 120, 200 epochs",
            "{ kind: cepdvs, root: /data/CEP-DVS, frameSize: 48 }   # edit: where the data lives",
            "resnet18", 200, 120,
            new("lr", "{ type: float, low: 3.0e-4, high: 1.0e-2, log: true }", "5.86e-4", "AdamW peak lr; the papers' 5e-3·120/1024"),
            new("timeSteps", "{ type: int, low: 4, high: 10, step: 2 }", "6", "T"),
            PaperThreshold: true, MaxTrials: 40, ParallelTrials: 4, MinResource: 20),
        new("nomniglot", "paper setting: SCNN, T=12, 28x28 frames, batch 16, 50 epochs",
            "{ kind: nomniglot, root: /data/N-Omniglot, rgbRoot: /data/Omniglot, frameSize: 28 }   # edit: where the data lives",
            "scnn", 50, 16,
            new("lr", "{ type: float, low: 5.0e-5, high: 1.0e-2, log: true }", "7.8e-5", "AdamW peak lr; the papers' 5e-3·16/1024"),
            new("timeSteps", "{ type: int, low: 8, high: 16, step: 2 }", "12", "T"),
            PaperThreshold: true, MaxTrials: 32, ParallelTrials: 4, MinResource: 5),
        new("synthetic", "generated events, no files: a small sweep that runs in minutes on a CPU",
            "{ kind: synthetic, classes: 10, frameSize: 28 }",
            "scnn", 12, 16,
            new("lr", "{ type: float, low: 1.0e-3, high: 2.0e-2, log: true }", "5.0e-3", "AdamW peak lr (the small-budget default)"),
            new("timeSteps", "{ type: int, low: 4, high: 8, step: 2 }", "8", "T"),
            PaperThreshold: false, MaxTrials: 16, ParallelTrials: 2, MinResource: 6),   // epochs 2–4 rank unlike the end here (BENCHMARKS §5)
    ];
}
