namespace Sweep.Trainer.Data;

/// <summary>Value of <c>dataset.kind</c>.</summary>
public enum DatasetKind
{
    /// <summary><c>synthetic</c>: generated paired scenes.</summary>
    Synthetic,

    /// <summary><c>ncaltech101</c>.</summary>
    NCaltech101,

    /// <summary><c>cepdvs</c>.</summary>
    CepDvs,

    /// <summary><c>nomniglot</c>.</summary>
    NOmniglot,
}
