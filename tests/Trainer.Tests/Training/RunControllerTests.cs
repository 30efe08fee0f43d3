using System.Runtime.InteropServices;
using Sweep.Trainer.Training.Control;

namespace Sweep.Trainer.Tests.Training;

public sealed class RunControllerTests
{
    // Plain DllImport: int-only signatures need no marshalling code (LibraryImport would need unsafe blocks).
    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    [Fact]
    public void A_real_sigterm_trips_the_token_instead_of_killing_the_process()
    {
        using var control = new RunController();
        using var tripped = new ManualResetEventSlim();
        using var _ = control.Token.Register(tripped.Set);
        Assert.Equal(0, Kill(Environment.ProcessId, 15));
        Assert.True(tripped.Wait(TimeSpan.FromSeconds(10)), "SIGTERM did not trip RunController.Token within 10 s");
        Assert.Equal(StopReason.Terminated, control.Reason);
        Assert.True(control.Cancelled);
        Assert.Equal(143, control.ExitCode);
        Assert.True(control.StepDone(1));
    }

    [Fact]
    public void Max_steps_stops_as_a_complete_run()
    {
        using var control = new RunController(maxSteps: 3, handleSignals: false);
        Assert.False(control.StepDone(1));
        Assert.False(control.StepDone(2));
        Assert.True(control.StepDone(3));
        Assert.Equal(StopReason.MaxSteps, control.Reason);
        Assert.False(control.Cancelled);
        Assert.Null(control.ExitCode);
        Assert.True(control.Token.IsCancellationRequested);
    }

    [Fact]
    public void The_first_reason_wins_and_sigint_exits_130()
    {
        using var control = new RunController(handleSignals: false);
        control.Stop(StopReason.Interrupted);
        control.Stop(StopReason.Terminated);
        Assert.Equal(StopReason.Interrupted, control.Reason);
        Assert.Equal(130, control.ExitCode);
    }

    [Theory]
    [InlineData(double.NaN, "loss is NaN at step 123")]
    [InlineData(double.PositiveInfinity, "loss is +inf at step 123")]
    [InlineData(double.NegativeInfinity, "loss is -inf at step 123")]
    public void Non_finite_losses_throw_with_the_step(double loss, string message)
    {
        Assert.Equal(message, Assert.Throws<NonFiniteLossException>(() => LossGuard.Check(loss, 123)).Message);
        LossGuard.Check(0.5, 123);
    }
}
