namespace Sweep.Contracts.Config;

/// <summary>How a config key's text is parsed and how its value is typed in <see cref="RunConfig.Values"/>.</summary>
public enum ConfigValueKind
{
    /// <summary>An <see cref="int"/>.</summary>
    Int,

    /// <summary>A finite <see cref="double"/>.</summary>
    Number,

    /// <summary>A <see cref="bool"/>: true/false/on/off.</summary>
    Bool,

    /// <summary>One of <see cref="ConfigKey.Choices"/>, stored as the canonical choice string.</summary>
    Choice,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>A file or directory; relative paths in a config file are taken from the file's folder.</summary>
    Path,
}
