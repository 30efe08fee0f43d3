using Sweep.Trainer.Runtime;
using Sweep.Trainer.Training.Control;
using Sweep.SearchSpaces.TrialProtocol;

namespace Sweep.Trainer.Training;

/// <summary>
/// Runs a method in a session and guarantees the protocol's last line: <c>complete</c> (exit 0), <c>failed</c>
/// with the reason (exit 1), or <c>cancelled</c> after a signal (exit 143 for SIGTERM, 130 for SIGINT).
/// </summary>
public static class TrainingRunner
{
    public static int Run(TrainingSession session, ITrainingMethod method)
    {
        TrainingOutcome? outcome = null;
        string? failure = null;
        try
        {
            var broken = NativeCallFence.BrokenRegions;
            using (NativeCallFence.Enter()) outcome = method.Train(session);
            if (NativeCallFence.BrokenRegions > broken)
                session.Log.WriteLine($"sweep train: {NativeCallFence.BrokenRegions - broken} no-GC regions ended early (allocation budget now {NativeCallFence.Budget >> 20} MB)");
        }
        catch (OperationCanceledException) when (session.Control.Cancelled)
        {
            // The method observed the token mid-step; the last checkpoint is the previous epoch's.
        }
        catch (NonFiniteLossException e)
        {
            failure = e.Message;
        }
        catch (Exception e)
        {
            failure = $"{e.GetType().Name}: {e.Message}";
            session.Log.WriteLine($"sweep train: {e}");
        }
        var status = failure is not null ? ResultStatus.Failed : session.Control.Cancelled ? ResultStatus.Cancelled : ResultStatus.Complete;
        var error = failure ?? (status == ResultStatus.Cancelled
            ? $"cancelled by {(session.Control.Reason == StopReason.Terminated ? "SIGTERM" : "SIGINT")} at step {session.GlobalStep}"
            : null);
        var result = new ResultRecord(status, outcome?.ValTop1, session.BestValTop1, session.BestEpoch, outcome?.Params,
                                      outcome?.SopsPerSample, outcome?.ValRgbTop1, error);
        try
        {
            session.Protocol.WriteResult(result);
        }
        catch (ArgumentOutOfRangeException e)
        {
            // An accuracy reported as a percentage: still end the protocol, as a failure that says so.
            session.Protocol.WriteResult(ResultRecord.Failed(e.Message) with { BestEpoch = session.BestEpoch });
            return ExitCodes.Failed;
        }
        session.Log.WriteLine($"sweep train: {ProtocolFields.StatusText(status)}{(error is null ? "" : $": {error}")}");
        return status switch
        {
            ResultStatus.Complete => ExitCodes.Ok,
            ResultStatus.Cancelled => session.Control.ExitCode ?? ExitCodes.Terminated,
            _ => ExitCodes.Failed,
        };
    }
}
