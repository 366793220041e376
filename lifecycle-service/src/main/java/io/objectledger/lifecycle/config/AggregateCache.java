package io.objectledger.lifecycle.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;

/**
 * The aggregates used most recently, kept between commands (Ehcache's heap tier, by reference):
 * an object's next change (a duplicate, a tag applied after its creation, an overwrite) is
 * handled without reading its snapshot and events back from the store. Strong references: a
 * weak-reference cache loses its entries at every garbage collection.
 */
final class AggregateCache implements AutoCloseable {

    private final CacheManager manager;
    private final Cache cache;

    AggregateCache(int entries) {
        manager = CacheManagerBuilder.newCacheManagerBuilder().build(true);
        // A cache manager's caches are Ehcache instances, the type Axon's adapter takes.
        cache = new EhCache3Adapter((Ehcache<Object, Object>) manager.createCache("object-lifecycle-aggregates",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(entries))));
    }

    Cache axon() {
        return cache;
    }

    /** Drops every entry: after a rolled-back batch they may hold changes that were not stored. */
    void clear() {
        cache.removeAll();
    }

    @Override
    public void close() {
        manager.close();
    }
}
