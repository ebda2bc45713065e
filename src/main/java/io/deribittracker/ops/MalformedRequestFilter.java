package io.deribittracker.ops;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.MappingMatch;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with a 400 problem, requests that the libraries behind Tomcat would otherwise answer with an empty body
 * or a 500: an {@code Accept} header that does not parse (Spring MVC answers an empty 406 and logs a WARN), and a
 * path that reaches a prefix-mapped servlet such as Jolokia only after Tomcat normalised or decoded it
 * ({@code /actuator//jolokia}, {@code /actuator/%6aolokia}: Jolokia throws and Tomcat logs an ERROR).
 */
class MalformedRequestFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null) {
            try {
                MediaType.parseMediaTypes(accept);
            } catch (InvalidMediaTypeException e) {
                Problems.write(response, 400, "The Accept header is not a list of media types.");
                return;
            }
        }
        if (request.getHttpServletMapping().getMappingMatch() == MappingMatch.PATH
                && !request.getRequestURI().startsWith(request.getContextPath() + request.getServletPath())) {
            Problems.write(response, 400, "The path is not in canonical form (no empty segments, no escaped letters).");
            return;
        }
        chain.doFilter(request, response);
    }
}
