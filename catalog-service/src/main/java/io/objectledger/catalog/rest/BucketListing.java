package io.objectledger.catalog.rest;

import io.objectledger.catalog.query.CatalogEntry;

import java.util.List;

/** One page of a bucket; pass {@code nextStartAfter} as {@code startAfter} for the next page. */
public record BucketListing(String bucket, String prefix, List<CatalogEntry> objects, String nextStartAfter) {
}
