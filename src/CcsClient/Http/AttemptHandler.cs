using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Ccs.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Ccs.Http;

/// <summary>Sits inside the retry layer: counts and logs each attempt, so a failure can say how many were made.</summary>
internal sealed class AttemptHandler : DelegatingHandler
{
    private readonly ILogger _logger;

    public AttemptHandler(ILogger logger) => _logger = logger;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = request.IncrementAttempts();
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var operation = request.GetOperation();
            Log.Attempt(_logger, operation?.Id ?? "http", request.Method.Method, operation?.PathTemplate ?? "(generated client)", attempt);
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.RequestMessage ??= request;
        return response;
    }
}
