namespace Sweep.Trainer.Bench;

/// <summary>
/// One configuration's training-step throughput, in <c>ref_snn.py</c>'s field names (snake_case in JSON) so
/// a script can put both side by side.
/// </summary>
public sealed record StepBenchmarkResult(
    string Model, string Method, string Mode, int T, int Batch, int FrameSize, int Threads,
    IReadOnlyList<double> IterTimesS, double SamplesPerSMed, double SamplesPerSMin, double SamplesPerSMax,
    double WarmupS, double LossFinal, double RssBeforeModelMb, double RssAfterWarmupMb, double PeakRssMb, string Allocator);
