using System.Collections.Immutable;
using Sweep.Grains.Model;

namespace Sweep.Grains.Tests.Sweeps;

/// <summary>Placement: a slot fits a trial when the node carries every label the trial needs and its free GPU memory holds it.</summary>
public sealed class RunnerSlotTests
{
    private static readonly ImmutableSortedDictionary<string, string> A100 = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("gpu", "a100")]);

    [Fact]
    public void Labels_must_all_be_carried_with_the_same_values()
    {
        var slot = new RunnerSlot("r", "n", "cuda:0") { Labels = A100.Add("rack", "3") };
        Assert.True(slot.Fits(null, A100));
        Assert.True(slot.Fits(null, ImmutableSortedDictionary<string, string>.Empty));
        Assert.False(slot.Fits(null, A100.SetItem("gpu", "h100")));
        Assert.False(slot.Fits(null, A100.Add("zone", "b")));
        Assert.False(new RunnerSlot("r", "n", "cuda:0").Fits(null, A100));
    }

    [Fact]
    public void Declared_memory_must_fit_in_what_the_device_has_free_when_the_node_declared_its_size()
    {
        var slot = new RunnerSlot("r", "n", "cuda:0") { FreeGpuMemoryGb = 50 };
        Assert.True(slot.Fits(30, ImmutableSortedDictionary<string, string>.Empty));
        Assert.True(slot.Fits(50, ImmutableSortedDictionary<string, string>.Empty));
        Assert.False(slot.Fits(50.5, ImmutableSortedDictionary<string, string>.Empty));
        Assert.True(new RunnerSlot("r", "n", "cuda:0").Fits(500, ImmutableSortedDictionary<string, string>.Empty));   // size not declared: one per slot
    }

    [Fact]
    public void A_trial_that_declares_no_memory_takes_a_whole_device_of_declared_size()
    {
        var none = ImmutableSortedDictionary<string, string>.Empty;
        Assert.True(new RunnerSlot("r", "n", "cuda:0") { GpuMemoryGb = 80, FreeGpuMemoryGb = 80 }.Fits(null, none));
        Assert.False(new RunnerSlot("r", "n", "cuda:0") { GpuMemoryGb = 80, FreeGpuMemoryGb = 62 }.Fits(null, none));
        Assert.True(new RunnerSlot("r", "n", "cuda:0") { GpuMemoryGb = 80, FreeGpuMemoryGb = 62 }.Fits(18, none));
    }

    [Fact]
    public void The_book_hands_a_trial_only_to_a_slot_it_fits()
    {
        var spec = BookFixture.Spec().Replace("  function: branin", "  function: branin\n  gpuMemoryGb: 30\n  labels: { gpu: a100 }", StringComparison.Ordinal);
        var book = new BookFixture().New(spec);
        Assert.Null(book.Next(BookFixture.Slot()));
        Assert.Null(book.Next(new RunnerSlot("r1", "node", "cuda:0") { Labels = A100, FreeGpuMemoryGb = 20 }));
        var next = book.Next(new RunnerSlot("r1", "node", "cuda:0") { Labels = A100, FreeGpuMemoryGb = 40 });
        Assert.Equal(30, next!.Value.Assignment.GpuMemoryGb);
        Assert.Equal(1, book.Info.Running);
    }
}
