// Hand-written additions to Kiota-generated request builders (the generated files are never edited).
// Bodies are written with source-generated System.Text.Json rather than Kiota's models, so that
// extensible-enum values the spec does not list survive; these builders therefore expose their URL
// template and path parameters without asking for a Kiota body.
using Microsoft.Kiota.Abstractions;

namespace Ccs.Generated.Tenants.Item
{
    public partial class WithTenantUuItemRequestBuilder
    {
        internal RequestInformation ToRequestInformation(Method method) => new(method, UrlTemplate, PathParameters);
    }
}

namespace Ccs.Generated.Tenants.Item.Extensions.Item
{
    public partial class WithExtensionUuItemRequestBuilder
    {
        internal RequestInformation ToRequestInformation(Method method) => new(method, UrlTemplate, PathParameters);
    }
}

namespace Ccs.Generated.Calls.Item
{
    public partial class WithCallItemRequestBuilder
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
