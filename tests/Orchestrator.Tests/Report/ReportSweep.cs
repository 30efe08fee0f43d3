using Sweep.Orchestrator.Tests.Engine;

namespace Sweep.Orchestrator.Tests.Report;

/// <summary>
/// One small finished sweep shared by the report tests: a function objective, no pruner (so every trial reports all
/// its steps), run to the end by <c>sweep start</c> on a temporary home.
/// </summary>
public sealed class ReportSweep() : FinishedSweep(Id, TestSpecs.MixedFunction(Id, Trials, 2, TestSpecs.Tpe(3), Steps))
{
    public const string Id = "rep";
    public const int Trials = 6;
    public const int Steps = 3;
}
