namespace Sweep.Orchestrator.Tests.Web;

/// <summary>The small sweeps the web tests watch.</summary>
internal static class WebSpecs
{
    /// <summary>In-process Branin: quick, with three intermediate steps per trial.</summary>
    public static string Function(int maxTrials) => $$"""
        apiVersion: sweep/v1
        name: web
        metric: { name: value, goal: minimize }
        sampler: { type: random, seed: 3 }
        budget: { maxTrials: {{maxTrials}}, parallelTrials: 2 }
        parameters:
          x1: { type: float, low: -5, high: 10 }
          x2: { type: float, low: 0, high: 15 }
        trial:
          function: branin
        """;

    /// <summary>examples/objectives/branin.sh as a child process: logs in the trial folder, slowed by SWEEP_STEP_SECONDS.</summary>
    public static string Command(string script, int maxTrials) => $$"""
        apiVersion: sweep/v1
        name: web-command
        metric: { name: value, goal: minimize }
        sampler: { type: random, seed: 5 }
        budget: { maxTrials: {{maxTrials}}, parallelTrials: 2 }
        parameters:
          x1: { type: float, low: -5, high: 10 }
          x2: { type: float, low: 0, high: 15 }
        trial:
          command: "{{script}}"
        """;
}
