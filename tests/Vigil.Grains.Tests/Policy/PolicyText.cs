using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Grains.Policy;

namespace Vigil.Grains.Tests.Policy;

/// <summary>Policy JSON for tests: the default document with a new version and whatever edits a test needs.</summary>
internal static class PolicyText
{
    public static string Default(int version, Action<JsonNode>? edit = null)
    {
        var root = JsonNode.Parse(DefaultPolicy.Json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!;
        root["version"] = version;
        edit?.Invoke(root);
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    public static CompiledPolicy Compiled(int version, Action<JsonNode>? edit = null) => CompiledPolicy.Parse(Default(version, edit));
}
