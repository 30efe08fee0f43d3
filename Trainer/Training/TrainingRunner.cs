using Sweep.Contracts;
using Sweep.Contracts.TrialProtocol;
using Sweep.Trainer.Runtime;
using Sweep.Trainer.Training.Control;

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
        var status = failure is not null ? TrialState.Failed : session.Control.Cancelled ? TrialState.Cancelled : TrialState.Complete;
        var error = failure ?? (status == TrialState.Cancelled
            ? $"cancelled by {(session.Control.Reason == StopReason.Terminated ? "SIGTERM" : "SIGINT")} at step {session.GlobalStep}"
            : null);
        var result = ResultRecord.Of(status, outcome?.ValTop1, session.BestValTop1, session.BestEpoch, outcome?.Params,
                                     outcome?.SopsPerSample, outcome?.ValRgbTop1, error);
        try
        {
            session.Protocol.WriteResult(result);
        }
        catch (ArgumentOutOfRangeException e)
        {
            // An accuracy reported as a percentage: still end the protocol, as a failure that says so.
            session.Protocol.WriteResult(ResultRecord.Failed(e.Message, session.BestEpoch));
            return ExitCodes.Failed;
        }
        session.Log.WriteLine($"sweep train: {ProtocolFields.StatusText(status)}{(error is null ? "" : $": {error}")}");
        return status switch
        {
            TrialState.Complete => ExitCodes.Ok,
            TrialState.Cancelled => session.Control.ExitCode ?? ExitCodes.Terminated,
            _ => ExitCodes.Failed,
        };
    }
}
