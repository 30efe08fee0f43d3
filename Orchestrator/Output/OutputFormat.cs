namespace Sweep.Orchestrator.Output;

/// <summary>The <c>-f</c> of the read verbs.</summary>
public enum OutputFormat
{
    Table,
    Json,
    Yaml,
}
