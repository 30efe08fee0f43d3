namespace Sweep.Orchestrator.Reports;

/// <summary>One drawn figure of a report: its file name without extension, its caption, and the plot as PNG and SVG.</summary>
internal sealed record ReportFigure(string Name, string Caption, byte[] Png, string Svg);
