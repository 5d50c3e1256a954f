package dev.scope.probe;

/** Opens pipes to the app a control request came from. */
public interface ProbePipes {
    ProbePipe open(String appId);
}
