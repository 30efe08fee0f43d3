using System.Text.Json;
using Sweep.SearchSpaces;

namespace Sweep.Orchestrator.AskTell;

/// <summary>
/// <c>ask</c>, <c>report</c> and <c>tell</c> against an initialised study. Fields are validated before the study
/// is touched, so a rejected request changes nothing; the study's own invariant messages pass through.
/// </summary>
internal static class StudyRequests
{
    private static readonly string[] AskKeys = ["op"];
    private static readonly string[] ReportKeys = ["op", "trial", "step", "value"];
    private static readonly string[] TellKeys = ["op", "trial", "value", "state", "error"];

    public static void Ask(Study study, JsonElement request, ResponseWriter response, UnknownKeys unknownKeys)
    {
        unknownKeys.Check(request, "ask requests", AskKeys);
        var created = study.Trials.Count;
        TrialRecord trial;
        try
        {
            trial = study.Ask();
        }
        catch (Exception e) when (e is not StudyException)
        {
            // Study.Ask registers the trial before sampling; fail it so it does not stay Running for ever
            // (a constant liar would keep treating it as in flight).
            if (study.Trials.Count > created && !study.Trials[created].IsFinished)
                study.TellFailed(created, $"sampling failed: {e.Message}");
            throw new ProtocolException($"ask: {e.Message}");
        }
        response.WriteTrial(study.Space, trial);
    }

    public static void Report(Study study, JsonElement request, ResponseWriter response, UnknownKeys unknownKeys)
    {
        unknownKeys.Check(request, "report requests", ReportKeys);
        var number = JsonFields.RequireInt32(request, "report", "trial");
        var step = JsonFields.RequireInt32(request, "report", "step");
        var value = JsonFields.RequireDouble(request, "report", "value");
        var decision = study.Report(number, step, value);
        response.WritePrune(decision == PruneDecision.Prune);
    }

    public static void Tell(Study study, JsonElement request, ResponseWriter response, UnknownKeys unknownKeys)
    {
        unknownKeys.Check(request, "tell requests", TellKeys);
        var number = JsonFields.RequireInt32(request, "tell", "trial");
        var hasValue = JsonFields.TryGet(request, "value", out var value);
        if (!JsonFields.TryGet(request, "state", out var state) || state.ValueKind == JsonValueKind.String && state.ValueEquals("complete"))
        {
            if (!hasValue)
                throw new ProtocolException($"tell: trial {number}: a complete trial needs a finite \"value\" (send \"state\":\"fail\" for a failed evaluation)");
            study.Tell(number, JsonFields.Number(value, "tell", "\"value\""));
        }
        else if (state.ValueKind == JsonValueKind.String && state.ValueEquals("pruned"))
        {
            RejectValue(number, "pruned", hasValue);
            study.TellPruned(number);
        }
        else if (state.ValueKind == JsonValueKind.String && state.ValueEquals("fail"))
        {
            RejectValue(number, "fail", hasValue);
            study.TellFailed(number, JsonFields.OptionalString(request, "tell", "error"));
        }
        else
        {
            throw new ProtocolException($"tell: \"state\" must be \"complete\", \"pruned\" or \"fail\", but got {JsonFields.Describe(state)}");
        }
        response.WriteOk();
    }

    // A value with pruned/fail would be silently dropped (the study ranks pruned trials by their last report).
    private static void RejectValue(int number, string state, bool hasValue)
    {
        if (hasValue)
            throw new ProtocolException($"tell: trial {number}: \"value\" must be absent or null when \"state\" is \"{state}\"");
    }
}
