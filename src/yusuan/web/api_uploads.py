"""/api/uploads and /api/jobs: send files in, then ask how far each has got."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, HTTPException, Path, Query, UploadFile

from .access import can_upload
from .schemas import NOT_FOUND, UPLOAD_REFUSALS, JobOut, UploadOut
from .services import Services, services
from .uploads import accept

router = APIRouter(tags=["上传"])
MAX_JOBS_ASKED = 100
JobId = Annotated[str, Path(pattern=r"^[0-9a-f]{16}$", description="上传时返回的任务编号")]


@router.post("/uploads", status_code=202, response_model=UploadOut, dependencies=[Depends(can_upload)],
             responses=UPLOAD_REFUSALS,
             summary="上传一个或多个公开文件（任何 yusuan 能读的格式），后台读取、检查并归档")
async def upload(files: Annotated[list[UploadFile], File(description="公开文件，可多选", min_length=1)],
                 s: Services = Depends(services)) -> UploadOut:
    jobs = await accept(files, s)
    return UploadOut(jobs=[JobOut(**s.board.snapshot(job.id)) for job in jobs])


@router.get("/jobs/{job_id}", response_model=JobOut, summary="一个上传任务的进度", responses=NOT_FOUND)
def job(job_id: JobId, s: Services = Depends(services)) -> JobOut:
    snapshot = s.board.snapshot(job_id)
    if snapshot is None:
        raise HTTPException(404, "没有这个上传任务（服务重启后任务记录会清空；已归档的文件仍在档案中）。")
    return JobOut(**snapshot)


@router.get("/jobs", response_model=list[JobOut], summary="多个上传任务的进度（ids 以逗号分隔）")
def jobs(ids: Annotated[str, Query(max_length=2000)], s: Services = Depends(services)) -> list[JobOut]:
    wanted = [i for i in ids.split(",") if i][:MAX_JOBS_ASKED]
    return [JobOut(**snapshot) for i in wanted if (snapshot := s.board.snapshot(i)) is not None]
