using System.Text.Json.Serialization;

namespace Sweep.Orchestrator.Web;

/// <summary>The body of every failed API call: <c>{"error": "..."}</c>.</summary>
public sealed record ErrorBody([property: JsonPropertyName("error")] string Error);
