using System;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Ccs.Testing;

/// <summary>Middleware: requires <c>Authorization: Bearer {token}</c> with the emulator's token, else answers 401.</summary>
internal sealed class BearerAuthentication
{
    private const string Scheme = "Bearer ";

    private readonly byte[] _token;

    public BearerAuthentication(string token) => _token = Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        string header = context.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"ccs\"";
            await ErrorResponse.WriteAsync(context, 401, "unauthorized", "A bearer token is required (Authorization: Bearer …).").ConfigureAwait(false);
            return;
        }

        var presented = header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim()) : [];
        if (!CryptographicOperations.FixedTimeEquals(presented, _token))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"ccs\", error=\"invalid_token\"";
            await ErrorResponse.WriteAsync(context, 401, "invalid_token", "The bearer token is not valid.").ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
