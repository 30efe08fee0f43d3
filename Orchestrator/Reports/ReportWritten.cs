namespace Sweep.Orchestrator.Reports;

/// <summary>What <see cref="SweepReport.Write"/> wrote (figures, then <c>report.html</c>) and what it could not draw, and why.</summary>
internal sealed record ReportWritten(IReadOnlyList<string> Paths, IReadOnlyList<string> Notes);
