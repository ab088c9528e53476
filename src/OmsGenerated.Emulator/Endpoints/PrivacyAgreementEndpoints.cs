using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using OmsGenerated.Emulator.Http;

namespace OmsGenerated.Emulator.Endpoints;

/// <summary>UpdatePrivacyAgreementRecord (<c>POST /v2/{project_id}/privacy-agreements</c>): remembered in the state; 200 with no body.</summary>
internal static class PrivacyAgreementEndpoints
{
    public static void Map(RouteGroupBuilder project)
        => project.MapPost("/privacy-agreements", (TaskStore store) => store.Transact((state, _) =>
        {
            state.PrivacyAgreementAccepted = true;
            return EmulatorResponse.Empty();
        })).WithMetadata(new OmsOperation("UpdatePrivacyAgreementRecord"));
}
