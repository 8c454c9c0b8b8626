// Hand-written additions to Kiota-generated request builders (the generated files are never edited).
// Bodies are written with source-generated System.Text.Json rather than Kiota's models, so that
// extensible-enum values the spec does not list survive. These two paths have no GET, so to learn
// their URLs (Http/RequestPaths.cs) their builders expose a request without asking for a Kiota body.
using Microsoft.Kiota.Abstractions;

namespace Ccs.Generated.Tenants.Item.Extensions.Item
{
    public partial class WithExtensionUuItemRequestBuilder
    {
        internal RequestInformation ToRequestInformation(Method method) => new(method, UrlTemplate, PathParameters);
    }
}

namespace Ccs.Generated.AgentState
{
    public partial class AgentStateRequestBuilder
    {
        internal RequestInformation ToRequestInformation(Method method) => new(method, UrlTemplate, PathParameters);
    }
}
