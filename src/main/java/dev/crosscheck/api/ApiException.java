package dev.crosscheck.api;

/** A request the API refuses, carrying the problem detail it answers with. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final String parameter;

    public ApiException(int status, String title, String detail, String parameter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.parameter = parameter;
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not Found", detail, null);
    }

    public static ApiException badParameter(String parameter, String detail) {
        return new ApiException(400, "Bad Request", detail, parameter);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String parameter() {
        return parameter;
    }
}
