package com.flowstate.ui;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Serves a lazy grid's (offset, limit) requests from a keyset-paged source. A grid asks for rows by position;
 * keyset queries know only "the page after this cursor". The fetcher remembers the cursor that starts every page it
 * has read, so scrolling on asks for the next page by cursor. A jump to an unseen position far ahead (the scroll bar
 * dragged to row 100,000) seeks: one query skips from the nearest known cursor to the cursor of the wanted page
 * (a {@link Seeker}, where the source has one), instead of reading every page in between. Pages always start at
 * multiples of the page size, so the cursors line up whatever ranges the grid asks for.
 *
 * <p>The cursors belong to one query: pass a key that changes with the filter, the sort and the scope, and the
 * fetcher forgets them when the key changes. Call {@link #reset()} when the data itself may have changed.
 *
 * @param <T> row type
 * @param <C> cursor type (an opaque token, the last id of a page, ...)
 */
public final class KeysetFetcher<T, C> implements Serializable {

    /** One page from the source; {@code next} is null on the last page. */
    public record Chunk<T, C>(List<T> items, C next) {
    }

    /** Reads the page that starts after {@code cursor} (null: the first page). */
    @FunctionalInterface
    public interface PageSource<T, C> extends Serializable {
        Chunk<T, C> page(C cursor, int size);
    }

    /**
     * Finds the cursor {@code rows} rows after {@code cursor} (null: from the start) without reading the rows in
     * between; null when fewer rows follow.
     */
    @FunctionalInterface
    public interface Seeker<C> extends Serializable {
        C cursorAfter(C cursor, int rows);
    }

    /** A jump over more pages than this seeks rather than reading them. */
    static final int SEEK_BEYOND_PAGES = 4;

    private final int pageSize;
    /** Position of a page's first row → the cursor that fetches it; position 0 has the null cursor. */
    private final TreeMap<Integer, C> cursors = new TreeMap<>();
    /** Number of rows, once the last page has been read. */
    private Integer end;
    private Object key;

    public KeysetFetcher(int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("Page size must be positive");
        }
        this.pageSize = pageSize;
        reset();
    }

    /** Forgets every cursor: the next request starts again from the first page. */
    public void reset() {
        cursors.clear();
        cursors.put(0, null);
        end = null;
    }

    /**
     * The rows from {@code offset} to {@code offset + limit} (fewer at the end).
     *
     * @param key identifies the query (filter, sort, scope); a different key than last time resets the cursors
     */
    public Stream<T> fetch(Object key, int offset, int limit, PageSource<T, C> source) {
        return fetch(key, offset, limit, source, null);
    }

    /**
     * The rows from {@code offset} to {@code offset + limit} (fewer at the end), seeking with {@code seeker} (may be
     * null) over a gap of more than a few pages.
     *
     * @param key identifies the query (filter, sort, scope); a different key than last time resets the cursors
     */
    public Stream<T> fetch(Object key, int offset, int limit, PageSource<T, C> source, Seeker<C> seeker) {
        if (!Objects.equals(key, this.key)) {
            reset();
            this.key = key;
        }
        if (end != null && offset >= end) {
            return Stream.empty();
        }
        int wanted = offset + limit;
        List<T> rows = new ArrayList<>(Math.max(limit, 0));
        Map.Entry<Integer, C> start = cursors.floorEntry(offset);
        int pageStart = offset - offset % pageSize;
        if (seeker != null && pageStart - start.getKey() > SEEK_BEYOND_PAGES * pageSize) {
            C found = seeker.cursorAfter(start.getValue(), pageStart - start.getKey());
            if (found != null) {
                cursors.put(pageStart, found);
                start = cursors.floorEntry(offset);
            }
        }
        int position = start.getKey();
        C cursor = start.getValue();
        while (position < wanted && (end == null || position < end)) {
            Chunk<T, C> chunk = source.page(cursor, pageSize);
            List<T> items = chunk.items();
            for (int i = Math.max(offset - position, 0); i < items.size() && position + i < wanted; i++) {
                rows.add(items.get(i));
            }
            position += items.size();
            if (chunk.next() == null || items.isEmpty()) {
                end = position;
                break;
            }
            cursor = chunk.next();
            cursors.put(position, cursor);
        }
        return rows.stream();
    }
}
