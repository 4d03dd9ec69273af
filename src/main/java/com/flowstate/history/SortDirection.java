package com.flowstate.history;

public enum SortDirection {
    ASC, DESC
}
