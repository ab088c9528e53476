using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace OmsGenerated.Emulator.Endpoints;

/// <summary>Every <c>/v2/{project_id}/…</c> route: a project other than the emulator's (in the path or X-Project-Id) is 403 OMS.0206.</summary>
internal sealed class ProjectFilter : IEndpointFilter
{
    private readonly string _projectId;

    public ProjectFilter(string projectId) => _projectId = projectId;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        HttpContext http = context.HttpContext;
        string projectId = http.Request.RouteValues["project_id"] as string ?? string.Empty;
        if (!string.Equals(projectId, _projectId, StringComparison.Ordinal))
        {
            return ValueTask.FromResult<object?>(OmsErrors.WrongProject(projectId));
        }

        if (http.Request.Headers.TryGetValue("X-Project-Id", out StringValues headerProject)
            && !string.Equals(headerProject.ToString(), _projectId, StringComparison.Ordinal))
        {
            return ValueTask.FromResult<object?>(OmsErrors.WrongProject(headerProject.ToString()));
        }

        return next(context);
    }
}
