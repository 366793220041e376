package it.objectledger.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/** audit-service's REST API as a client sees it, for MicroShed's typed clients. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
public interface AuditApi {

    @GET
    @Path("/{bucket}/object")
    Response history(@PathParam("bucket") String bucket, @QueryParam("key") String key);

    @GET
    @Path("/{bucket}/object/verification")
    Response verification(@PathParam("bucket") String bucket, @QueryParam("key") String key);

    @GET
    @Path("/reads")
    Reads reads(@QueryParam("subject") String subject, @QueryParam("since") String since,
                @QueryParam("limit") Integer limit);

    /** A page of the record of who read the trail, newest first. */
    class Reads {
        public List<Read> reads;
        public Long nextBeforeId;
    }

    /** One read of the trail. */
    class Read {
        public long readId;
        public String readAt;
        public String subject;
        public String operation;
        public String tenant;
        public Map<String, String> parameters;
        public String grantedTenants;
    }
}
