package com.verdict.scoring;

import java.util.Arrays;

/**
 * Database ids to dense indexes without boxing: open addressing with linear probing. Indexes are handed out in
 * order of first sight, and {@link #keys()} gives the id of each.
 */
final class LongIntMap {

    private long[] keys;
    private int[] values;
    private long[] byIndex;
    private int size;
    private int mask;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, -1);
        byIndex = new long[Math.max(16, expected)];
        mask = capacity - 1;
    }

    /** The index of {@code key}, given the next free one if it is new. */
    int indexOf(long key) {
        int slot = slot(key);
        while (values[slot] >= 0) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        if (size == byIndex.length) {
            byIndex = Arrays.copyOf(byIndex, size * 2);
        }
        keys[slot] = key;
        values[slot] = size;
        byIndex[size] = key;
        size++;
        if (size * 2 > keys.length) {
            grow();
        }
        return size - 1;
    }

    /** The index of {@code key}, or -1 if it has none. */
    int get(long key) {
        int slot = slot(key);
        while (values[slot] >= 0) {
            if (keys[slot] == key) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    int size() {
        return size;
    }

    /** The id of index i at {@code keys()[i]}. */
    long[] keys() {
        return Arrays.copyOf(byIndex, size);
    }

    long key(int index) {
        return byIndex[index];
    }

    private int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldValues.length * 2];
        Arrays.fill(values, -1);
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldValues[i] >= 0) {
                int slot = slot(oldKeys[i]);
                while (values[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
