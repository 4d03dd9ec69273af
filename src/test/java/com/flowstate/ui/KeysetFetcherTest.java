package com.flowstate.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class KeysetFetcherTest {

    /** A source of rows 0..size-1 whose cursor is the last row's number; it records every page it serves. */
    private static final class Numbers {
        final int size;
        final List<Integer> pagesAfter = new ArrayList<>();
        final List<Integer> seeks = new ArrayList<>();

        Numbers(int size) {
            this.size = size;
        }

        KeysetFetcher.Chunk<Integer, Integer> page(Integer cursor, int pageSize) {
            int first = cursor == null ? 0 : cursor + 1;
            pagesAfter.add(cursor);
            List<Integer> items = IntStream.range(first, Math.min(first + pageSize, size)).boxed().toList();
            Integer next = first + pageSize < size ? first + pageSize - 1 : null;
            return new KeysetFetcher.Chunk<>(items, next);
        }

        Integer seek(Integer cursor, int rows) {
            seeks.add(rows);
            int last = (cursor == null ? -1 : cursor) + rows;
            return last < size ? last : null;
        }
    }

    @Test
    void aJumpFarAheadSeeksOnceInsteadOfReadingEveryPageInBetween() {
        Numbers source = new Numbers(1_000_000);
        KeysetFetcher<Integer, Integer> fetcher = new KeysetFetcher<>(50);

        List<Integer> rows = fetcher.fetch("q", 100_010, 50, source::page, source::seek).toList();

        assertThat(rows).containsExactlyElementsOf(IntStream.range(100_010, 100_060).boxed().toList());
        assertThat(source.seeks).containsExactly(100_000);
        assertThat(source.pagesAfter).hasSize(2);
    }

    @Test
    void withoutASeekerAJumpReadsEveryPageOnTheWay() {
        Numbers source = new Numbers(10_000);
        KeysetFetcher<Integer, Integer> fetcher = new KeysetFetcher<>(50);

        List<Integer> rows = fetcher.fetch("q", 5_000, 50, source::page).toList();

        assertThat(rows).first().isEqualTo(5_000);
        assertThat(source.pagesAfter).hasSize(101);
    }

    @Test
    void aSeekPastTheEndFallsBackToReadingAndFindsTheEnd() {
        Numbers source = new Numbers(1_000);
        KeysetFetcher<Integer, Integer> fetcher = new KeysetFetcher<>(50);

        List<Integer> rows = fetcher.fetch("q", 5_000, 50, source::page, source::seek).toList();

        assertThat(rows).isEmpty();
        assertThat(fetcher.fetch("q", 950, 100, source::page, source::seek).toList())
                .containsExactlyElementsOf(IntStream.range(950, 1_000).boxed().toList());
    }
}
