using System.Buffers.Binary;

namespace Sweep.Trainer.Data;

/// <summary>
/// Read access to one FlatBuffers table (little-endian): the vtable gives each field's offset, 0 = absent.
/// Bounds are checked so a corrupt buffer fails with a message instead of reading garbage.
/// </summary>
internal readonly ref struct FlatBufferTable
{
    private readonly ReadOnlySpan<byte> buffer;
    private readonly int table;
    private readonly int vtable;
    private readonly int vtableSize;
    private readonly string source;

    private FlatBufferTable(ReadOnlySpan<byte> buffer, int table, string source)
    {
        this.buffer = buffer;
        this.table = table;
        this.source = source;
        Check(table, 4, "root table");
        vtable = table - BinaryPrimitives.ReadInt32LittleEndian(buffer[table..]);
        Check(vtable, 4, "vtable");
        vtableSize = BinaryPrimitives.ReadUInt16LittleEndian(buffer[vtable..]);
        Check(vtable, vtableSize, "vtable");
    }

    /// <summary>The root table of a (non size-prefixed) buffer, optionally checking its 4-byte file identifier.</summary>
    public static FlatBufferTable Root(ReadOnlySpan<byte> buffer, string source, string? identifier = null)
    {
        if (buffer.Length < 8) throw new DataFormatException(source, $"FlatBuffer of {buffer.Length} bytes is too short");
        if (identifier is not null && System.Text.Encoding.ASCII.GetString(buffer.Slice(4, 4)) != identifier)
            throw new DataFormatException(source, $"FlatBuffer identifier is '{System.Text.Encoding.ASCII.GetString(buffer.Slice(4, 4))}', expected '{identifier}'");
        return new FlatBufferTable(buffer, (int)BinaryPrimitives.ReadUInt32LittleEndian(buffer), source);
    }

    /// <summary>The buffer's identifier bytes (4..8) as text.</summary>
    public static string Identifier(ReadOnlySpan<byte> buffer) =>
        buffer.Length < 8 ? "" : System.Text.Encoding.ASCII.GetString(buffer.Slice(4, 4));

    /// <summary>An int32 field or its default.</summary>
    public int Int32(int field, int fallback) =>
        Field(field) is var o and > 0 ? BinaryPrimitives.ReadInt32LittleEndian(Slice(table + o, 4, "int32 field")) : fallback;

    /// <summary>An int64 field or its default.</summary>
    public long Int64(int field, long fallback) =>
        Field(field) is var o and > 0 ? BinaryPrimitives.ReadInt64LittleEndian(Slice(table + o, 8, "int64 field")) : fallback;

    /// <summary>A vector of fixed-size structs as (element count, bytes); empty when absent.</summary>
    public ReadOnlySpan<byte> StructVector(int field, int elementSize, out int count)
    {
        count = 0;
        var o = Field(field);
        if (o == 0) return [];
        var at = table + o;
        var start = at + (int)BinaryPrimitives.ReadUInt32LittleEndian(Slice(at, 4, "vector offset"));
        count = (int)BinaryPrimitives.ReadUInt32LittleEndian(Slice(start, 4, "vector length"));
        return Slice(start + 4, checked(count * elementSize), "vector elements");
    }

    private int Field(int index)
    {
        var entry = 4 + 2 * index;
        return entry + 2 <= vtableSize ? BinaryPrimitives.ReadUInt16LittleEndian(buffer[(vtable + entry)..]) : 0;
    }

    private ReadOnlySpan<byte> Slice(int at, int length, string what)
    {
        Check(at, length, what);
        return buffer.Slice(at, length);
    }

    private void Check(int at, int length, string what)
    {
        if (at < 0 || length < 0 || at > buffer.Length - length)
            throw new DataFormatException(source, $"FlatBuffer {what} at {at} (+{length}) lies outside the {buffer.Length}-byte buffer");
    }
}
