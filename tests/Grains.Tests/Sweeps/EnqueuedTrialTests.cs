namespace Sweep.Grains.Tests.Sweeps;

/// <summary><c>budget.enqueue</c> in the sweep's bookkeeping: marked trials first, and a book rebuilt after a crash goes on with the next one.</summary>
public sealed class EnqueuedTrialTests
{
    private static readonly string Spec = BookFixture.Spec(maxTrials: 4, parallel: 1,
        extraBudget: ", enqueue: [{ x1: 1.5, x2: 2.0 }, { x1: -2.0 }, { x2: 7.5 }]");

    [Fact]
    public void A_book_rebuilt_from_storage_after_a_crash_runs_the_next_enqueued_config_then_the_samplers()
    {
        var fixture = new BookFixture();
        var book = fixture.New(Spec);
        var (_, first) = book.Next(BookFixture.Slot())!.Value;
        Assert.True(first.Enqueued);
        Assert.Equal(["x1", "x2"], first.Values.Select(v => v.Name));
        Assert.Equal(["1.5", "2"], first.Values.Select(v => v.Json));
        book.Finish(0, 1, BookFixture.Complete(5.0));

        // kill -9: only what was persisted survives.
        var rebuilt = fixture.Load(Spec, book.Snapshot(), book.Trials);
        var (_, second) = rebuilt.Next(BookFixture.Slot())!.Value;
        Assert.Equal(1, second.Number);
        Assert.True(second.Enqueued);
        Assert.Equal("-2", second.Values.Single(v => v.Name == "x1").Json);
        rebuilt.Finish(1, 1, BookFixture.Complete(4.0));
        var (_, third) = rebuilt.Next(BookFixture.Slot())!.Value;
        Assert.Equal("7.5", third.Values.Single(v => v.Name == "x2").Json);
        rebuilt.Finish(2, 1, BookFixture.Complete(3.0));
        var (_, fourth) = rebuilt.Next(BookFixture.Slot())!.Value;
        Assert.False(fourth.Enqueued);
        rebuilt.Finish(3, 1, BookFixture.Complete(2.0));
        Assert.Null(rebuilt.Next(BookFixture.Slot()));   // the enqueued ones counted in maxTrials
    }
}
