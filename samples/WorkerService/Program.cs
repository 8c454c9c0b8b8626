// A Generic Host worker: AddCcsClient from appsettings.json, and a background service that reacts to
// real-time events. Point "Ccs" at your account (Domain + AccessToken, from a secret store), or run
// the standalone emulator first:
//   dotnet run --project src/CcsClient.Emulator -- --port 5080 --traffic 2
//   dotnet run --project samples/WorkerService
using Ccs.Samples.WorkerService;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddCcsClient(builder.Configuration.GetSection("Ccs"));
builder.Services.Configure<PresenceSyncOptions>(builder.Configuration.GetSection("PresenceSync"));
builder.Services.AddHostedService<PresenceSyncWorker>();

// Options are validated here: a missing token or a non-https URL stops the host with a clear message.
await builder.Build().RunAsync();
