package io.deribittracker.api;

import java.util.List;
import java.util.stream.Collectors;

/** The Accept header allows none of the representations an operation offers: a 406 that lists them. */
class NotAcceptableException extends RuntimeException {

    NotAcceptableException(List<ListFormat> offered) {
        this(offered, "The Accept header allows none of the representations this operation offers.");
    }

    NotAcceptableException(List<ListFormat> offered, String why) {
        super(why + " Offered: " + offered.stream().map(ListFormat::contentType).collect(Collectors.joining(", "))
                + " (q=0 excludes a type; CSV is UTF-8 only).");
    }
}
