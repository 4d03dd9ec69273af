package com.flowstate.security;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.flowstate.flow.FlowDeployments;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Deleting a deployment ({@code DELETE /engine-rest/deployment/{id}}, also under {@code /engine-rest/engine/{name}/})
 * whose processes still have running instances — running opportunities — would end them all. A designer may not; an
 * admin may, only when the request confirms how many it ends: {@code cascade=true} and
 * {@code confirmRunning=<the running count>}. Anything else is answered as a problem detail naming the count: 403 for
 * a designer, 409 for an admin without the confirmation. A deployment with nothing running is deleted as Camunda does.
 *
 * <p>A servlet filter after Spring Security (whose context holds the authenticated user), in front of the engine
 * REST API, which is Jersey, not Spring MVC.
 */
class DeploymentDeletionGuard extends OncePerRequestFilter {

    static final String CONFIRM_PARAMETER = "confirmRunning";
    private static final Pattern DEPLOYMENT = Pattern.compile("/engine-rest(?:/engine/[^/]+)?/deployment/([^/]+)/?");

    private final FlowDeployments deployments;
    private final ObjectMapper json;

    DeploymentDeletionGuard(FlowDeployments deployments, ObjectMapper json) {
        this.deployments = deployments;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"DELETE".equalsIgnoreCase(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher deployment = DEPLOYMENT.matcher(path(request));
        if (!deployment.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String id = deployment.group(1);
        long running = deployments.runningInstances(id);
        if (running == 0) {
            chain.doFilter(request, response);
            return;
        }
        boolean admin = CurrentUser.get().map(user -> user.hasRole(Role.ADMIN)).orElse(false);
        if (!admin) {
            refuse(request, response, HttpStatus.FORBIDDEN, id, running, "Deployment " + id + " has " + running
                    + " running process instance(s) (running opportunities); only an admin may delete it");
            return;
        }
        if (!"true".equalsIgnoreCase(request.getParameter("cascade"))
                || !Long.toString(running).equals(request.getParameter(CONFIRM_PARAMETER))) {
            refuse(request, response, HttpStatus.CONFLICT, id, running, "Deployment " + id + " has " + running
                    + " running process instance(s) (running opportunities); deleting it ends them: confirm with "
                    + "cascade=true&" + CONFIRM_PARAMETER + "=" + running);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The decoded path inside the application, without path parameters, as the servlet container matched it. */
    private static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        return servletPath + pathInfo;
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String id,
                        long running, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status == HttpStatus.FORBIDDEN ? "Deployment has running instances"
                : "Deleting running instances needs confirmation");
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("deploymentId", id);
        problem.setProperty("runningInstances", running);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
