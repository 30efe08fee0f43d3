namespace Sweep.Orchestrator.Tests.Web;

/// <summary>The web tests run one at a time: each hosts a silo with trials, and the machine has two cores.</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection
{
    public const string Name = "web";
}
