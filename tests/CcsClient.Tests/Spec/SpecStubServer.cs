using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Ccs.Tests.Spec;

/// <summary>
/// A WireMock.Net server on 127.0.0.1 with one stub per operation of openapi.yaml, registered at the
/// spec's base path with its exact trailing slashes (WireMock.Net.OpenApiParser drops both and
/// invents non-uuid strings, so the stubs are built here). Each stub answers with a body generated
/// from the operation's response schema.
/// </summary>
public sealed class SpecStubServer : IDisposable
{
    private readonly Dictionary<string, JsonNode?> _responses = [];

    public SpecStubServer()
    {
        Spec = OpenApiSpec.Instance;
        Server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        foreach (var operation in Spec.Operations)
        {
            var body = operation.ResponseSchema is null ? null : SpecExamples.Create(operation.ResponseSchema);
            _responses[operation.Id] = body;
            var response = Response.Create().WithStatusCode(200);
            if (body is not null)
            {
                response = response.WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString());
            }

            var isTemplated = operation.Path.Contains('{', StringComparison.Ordinal);
            Server
                .Given(Request.Create().WithPath(new RegexMatcher(PathPattern(Spec.BasePath + operation.Path))).UsingMethod(operation.Method.Method))
                .AtPriority(isTemplated ? 10 : 1) // /calls/filter wins over /calls/{callId}
                .WithTitle(operation.Id)
                .RespondWith(response);
        }
    }

    public OpenApiSpec Spec { get; }

    public WireMockServer Server { get; }

    /// <summary>The REST base URL the client should use, <c>http://127.0.0.1:{port}/6/v2/api</c>.</summary>
    public Uri BaseUri => new(Server.Url!.TrimEnd('/') + Spec.BasePath);

    /// <summary>The body the stub of <paramref name="operationId"/> answers with (null when it has none).</summary>
    public JsonNode? ResponseFor(string operationId) => _responses[operationId]?.DeepClone();

    /// <summary>The requests that matched the stub of <paramref name="operationId"/>.</summary>
    public IReadOnlyList<ILogEntry> RequestsFor(string operationId)
        => Server.LogEntries.Where(e => e.MappingTitle == operationId).ToList();

    public void Dispose() => Server.Stop();

    private static string PathPattern(string template)
        => "^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$";
}
