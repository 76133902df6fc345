using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using Vigil.Runtime;
using Vigil.Runtime.Grains;

namespace Vigil.Benchmarks.Memory;

/// <summary>
/// Splits one idle activation into the objects it keeps, by reading the runtime's private fields with reflection and
/// each object's size from its type's layout. A diagnostic for the report: when the runtime's fields are renamed it
/// says so instead of failing the run.
/// </summary>
internal static class ActivationFootprint
{
    private const BindingFlags Instance = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    public static string Describe(GrainRuntime runtime, double measuredTotal)
    {
        try
        {
            var activation = AnyActivation(runtime);
            var parts = new List<(string Name, long Bytes)>
            {
                ("GrainActivation", SizeOf(activation)),
                ("directory node", DirectoryNodeSize(activation.GetType())),
                ("mailbox ring array", SizeOf(Field(Field(activation, "_mailbox"), "_items"))),
                ("state slot array", SizeOf(Field(activation, "_states"))),
            };

            foreach (var slot in (Array)Field(activation, "_states")!)
            {
                parts.Add((slot!.GetType().Name.Split('`')[0] + " (runtime side of the state)", SizeOf(slot)));
            }

            foreach (var optional in new[] { "_continuations", "_timers", "_lifecycle", "_snapshot", "_deactivated" })
            {
                if (Field(activation, optional) is { } value)
                {
                    parts.Add((optional, SizeOf(value)));
                }
            }

            var grain = Field(activation, "_grain")!;
            parts.Add(("grain object (user)", SizeOf(grain)));
            foreach (var slot in (Array)Field(activation, "_states")!)
            {
                parts.Add(("state object (user)", SizeOf(slot!.GetType().GetProperty("State")!.GetValue(slot))));
            }

            var known = parts.Sum(p => p.Bytes);
            parts.Add(("rest (directory buckets, storage, growth slack)", (long)Math.Round(measuredTotal - known)));
            return string.Join(", ", parts.Select(p => $"{p.Name} {p.Bytes} B"));
        }
        catch (Exception exception) when (exception is NullReferenceException or InvalidCastException or InvalidOperationException)
        {
            return "breakdown unavailable (" + exception.Message + ")";
        }
    }

    private static object AnyActivation(GrainRuntime runtime)
    {
        foreach (DictionaryEntry entry in (IDictionary)Field(runtime, "_activations")!)
        {
            if (((GrainId)entry.Key).Key != "warm-up")
            {
                return entry.Value!;
            }
        }

        throw new InvalidOperationException("the runtime has no activation");
    }

    private static object? Field(object? owner, string name) =>
        (owner?.GetType().GetField(name, Instance) ?? throw new InvalidOperationException($"no field {name} on {owner?.GetType().Name}")).GetValue(owner);

    private static long DirectoryNodeSize(Type activationType)
    {
        var node = typeof(ConcurrentDictionary<,>).GetNestedType("Node", BindingFlags.NonPublic)
            ?? throw new InvalidOperationException("ConcurrentDictionary has no Node type");
        return BaseSize(node.MakeGenericType(typeof(GrainId), activationType));
    }

    /// <summary>An object's size on the heap: its type's base size plus, for arrays, the elements; 8-byte aligned.</summary>
    private static long SizeOf(object? value)
    {
        if (value is null)
        {
            return 0;
        }

        var size = BaseSize(value.GetType());
        if (value is Array array)
        {
            // The low 16 bits of the method table's first word hold the element size of array types.
            size += array.LongLength * (Marshal.ReadInt32(value.GetType().TypeHandle.Value, 0) & 0xFFFF);
        }

        return (size + 7) & ~7L;
    }

    // The method table's second 32-bit word is the base size: header, method table pointer and fields.
    private static long BaseSize(Type type) => Marshal.ReadInt32(type.TypeHandle.Value, 4);
}
