using Sweep.Trainer.Runtime;

namespace Sweep.Trainer.Tests.Runtime;

/// <summary>Which allocator training processes get: tcmalloc unless SWEEP_ALLOCATOR=glibc; LD_PRELOAD handling.</summary>
public sealed class TrainerAllocatorTests
{
    private const string Lib = "/usr/lib/x86_64-linux-gnu/libtcmalloc_minimal.so.4";

    [Fact]
    public void The_test_dependencies_install_tcmalloc_and_it_is_the_default()
    {
        var library = TrainerAllocator.Library(null);
        Assert.True(library is not null, "libtcmalloc-minimal4 is missing: deploy/install-deps.sh --test installs it");
        Assert.True(File.Exists(library));
        Assert.Equal(library, TrainerAllocator.Library("tcmalloc"));
    }

    [Fact]
    public void Glibc_turns_it_off_and_an_unknown_value_names_the_variable()
    {
        Assert.Null(TrainerAllocator.Library("glibc"));
        var e = Assert.Throws<ArgumentException>(() => TrainerAllocator.Library("jemalloc"));
        Assert.Equal("SWEEP_ALLOCATOR must be tcmalloc or glibc (got 'jemalloc')", e.Message);
    }

    [Theory]
    [InlineData(null, Lib)]
    [InlineData("", Lib)]
    [InlineData("/opt/x.so", Lib + ":/opt/x.so")]
    [InlineData(Lib, null)]
    [InlineData("/opt/x.so " + Lib, null)]
    [InlineData("/opt/x.so:" + Lib, null)]
    public void Preload_puts_the_library_first_once(string? current, string? expected) =>
        Assert.Equal(expected, TrainerAllocator.PreloadFor(current, Lib));

    [Fact]
    public void No_library_leaves_the_preload_alone() => Assert.Null(TrainerAllocator.PreloadFor("/opt/x.so", null));
}
