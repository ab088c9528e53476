using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace OmsGenerated.Oms;

/// <summary>Overloads of the source checks, vendor lists and privacy-agreement record that use <see cref="ProjectId"/>.</summary>
public partial class OmsClient
{
    /// <summary>Lists the buckets the given source credentials can see (in <see cref="ProjectId"/>).</summary>
    /// <param name="body">The cloud type and source credentials.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The bucket names.</returns>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<List<string>> ShowBucketListAsync(ListBucketsReq body, CancellationToken cancellationToken = default)
        => await ShowBucketListAsync(RequireProjectId(), body, cancellationToken).ConfigureAwait(false);

    /// <summary>Lists one page of the objects of a source bucket.</summary>
    /// <param name="body">The bucket, path, page size and marker, and the source credentials.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<ShowBucketObjectsResponse> ShowBucketObjectsAsync(ShowBucketReq body, CancellationToken cancellationToken = default)
        => await ShowBucketObjectsAsync(RequireProjectId(), body, cancellationToken).ConfigureAwait(false);

    /// <summary>Finds the region of a source bucket and whether OMS supports it.</summary>
    /// <param name="body">The bucket and the source credentials.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<ShowBucketRegionResponse> ShowBucketRegionAsync(ShowBucketRegionReq body, CancellationToken cancellationToken = default)
        => await ShowBucketRegionAsync(RequireProjectId(), body, cancellationToken).ConfigureAwait(false);

    /// <summary>Checks that objects of a source bucket download through a CDN domain.</summary>
    /// <param name="body">The bucket, the CDN and the source credentials.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<ShowCdnInfoResponse> ShowCdnInfoAsync(ShowCdnInfoReq body, CancellationToken cancellationToken = default)
        => await ShowCdnInfoAsync(RequireProjectId(), body, cancellationToken).ConfigureAwait(false);

    /// <summary>Checks whether a prefix exists in a source bucket.</summary>
    /// <param name="body">The bucket, prefix and the source credentials.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<CheckPrefixResponse> CheckPrefixAsync(CheckPrefixReq body, CancellationToken cancellationToken = default)
        => await CheckPrefixAsync(RequireProjectId(), body, cancellationToken).ConfigureAwait(false);

    /// <summary>Validates the format of a URL-list file stored in OBS; an invalid file gives an OMS error.</summary>
    /// <param name="body">The OBS bucket, file key, region and credentials.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task CheckUrlSourceListFileFormatAsync(CheckUrlSourceListFileFormatReq body, CancellationToken cancellationToken = default)
        => await CheckUrlSourceListFileFormatAsync(RequireProjectId(), body, cancellationToken).ConfigureAwait(false);

    /// <summary>Lists the cloud vendors OMS supports at one end.</summary>
    /// <param name="type"><c>src</c> (source) or <c>dst</c> (destination).</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>The vendor names.</returns>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<List<string>> ShowCloudTypeAsync(string type, CancellationToken cancellationToken = default)
        => await ShowCloudTypeAsync(RequireProjectId(), type, cancellationToken).ConfigureAwait(false);

    /// <summary>Lists, for each cloud vendor, the regions OMS supports.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <returns>One entry per vendor.</returns>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task<List<ShowRegionInfoResp>> ShowRegionInfoAsync(CancellationToken cancellationToken = default)
        => await ShowRegionInfoAsync(RequireProjectId(), cancellationToken).ConfigureAwait(false);

    /// <summary>Records that the user of <see cref="ProjectId"/> accepted the OMS privacy agreement.</summary>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <exception cref="InvalidOperationException"><see cref="ProjectId"/> is not set.</exception>
    public async Task UpdatePrivacyAgreementRecordAsync(CancellationToken cancellationToken = default)
        => await UpdatePrivacyAgreementRecordAsync(RequireProjectId(), cancellationToken).ConfigureAwait(false);
}
